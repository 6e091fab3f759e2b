/**
 * For a test file whose programs set no region: the AWS provider then reads AWS_REGION, as it
 * would from a user's shell, so the file sets it for its own tests and puts it back afterwards.
 */
export function withAwsRegionFromEnvironment(region: string): void {
    const previous = process.env["AWS_REGION"];
    before(() => {
        process.env["AWS_REGION"] = region;
    });
    after(() => {
        if (previous === undefined) delete process.env["AWS_REGION"];
        else process.env["AWS_REGION"] = previous;
    });
}
