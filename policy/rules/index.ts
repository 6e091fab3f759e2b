// Every rule of the pack, in the order the README documents them. Kept apart from policy/index.ts
// so tests and tools can list the rules without starting the analyzer server.
//
// Mandatory rules flag only what AWS certainly refuses or what certainly fails or exposes an API;
// everything else is advisory (policy/README.md, "How the pack judges").

import { albHealthCheckAccepts403 } from "./alb-health-check-accepts-403";
import { apiGatewaySecurityPolicy } from "./api-gateway-security-policy";
import { certificateRegion } from "./certificate-region";
import { cloudfrontHostForwarding } from "./cloudfront-host-forwarding";
import { cloudfrontOriginHardening, cloudfrontOriginHttps } from "./cloudfront-origin-https";
import { executeApiEndpointDisabled } from "./execute-api-endpoint-disabled";
import { mappingKeyRules } from "./mapping-key-rules";
import { minimumTls } from "./minimum-tls";
import { noCnameToExecuteApi, preferAliasToApiGateway } from "./no-cname-to-execute-api";
import { privateDomainPolicy } from "./private-domain-policy";
import { routedRecordHealthCheck } from "./routed-record-health-check";
import { routedRecordRegion } from "./routed-record-region";
import { routingRules } from "./routing-rules";
import { websocketDomainRegional } from "./websocket-domain-regional";

export const policies = [
    certificateRegion,
    cloudfrontOriginHttps,
    cloudfrontHostForwarding,
    noCnameToExecuteApi,
    apiGatewaySecurityPolicy,
    websocketDomainRegional,
    mappingKeyRules,
    privateDomainPolicy,
    routingRules,
    minimumTls,
    cloudfrontOriginHardening,
    preferAliasToApiGateway,
    albHealthCheckAccepts403,
    executeApiEndpointDisabled,
    routedRecordRegion,
    routedRecordHealthCheck,
];
