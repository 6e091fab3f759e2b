import { RunOptions, RunResult, runProgram } from "../../offline/engine";
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

/**
 * Runs programs in a stack region unless a test configures another: `run` returns the result
 * (error included), `ok` throws the program's error.
 */
export function runnerIn(region: string): {
    run: (program: () => unknown, options?: RunOptions) => Promise<RunResult>;
    ok: (program: () => unknown, options?: RunOptions) => Promise<RunResult>;
} {
    const run = (program: () => unknown, options: RunOptions = {}) =>
        runProgram(program, { ...options, config: { "aws:region": region, ...options.config } });
    const ok = async (program: () => unknown, options: RunOptions = {}) => {
        const result = await run(program, options);
        if (result.error) throw result.error;
        return result;
    };
    return { run, ok };
}
