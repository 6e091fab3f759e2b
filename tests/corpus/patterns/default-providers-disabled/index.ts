// An organization that forbids default providers; this program forgot one resource.
import * as aws from "@pulumi/aws";

const frankfurt = new aws.Provider("frankfurt", { region: "eu-central-1" });
new aws.sqs.Queue("with-provider", {}, { provider: frankfurt });
new aws.sqs.Queue("without-provider");
