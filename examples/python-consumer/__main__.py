"""An HTTP API on a regional custom domain, from Python.

The component runs in its TypeScript plugin; this program only sees the SDK that
`pulumi package add ../..` generated into sdks/apigw-domains (README, "Using the components").
"""
import pulumi
import pulumi_aws as aws
import pulumi_apigw_domains as apigw_domains

config = pulumi.Config()
zone = config.get("zone") or "example.com"
region = aws.config.region or "eu-west-1"

# One AWS provider for everything the component creates: it sets `region` on each regional
# resource itself, so the same provider would also serve a us-east-1 certificate.
aws_provider = aws.Provider("aws", region=region)

api = aws.apigatewayv2.Api(
    "orders",
    protocol_type="HTTP",
    # The custom domain is the only way in.
    disable_execute_api_endpoint=True,
    opts=pulumi.ResourceOptions(provider=aws_provider),
)
integration = aws.apigatewayv2.Integration(
    "orders",
    api_id=api.id,
    integration_type="HTTP_PROXY",
    integration_method="ANY",
    integration_uri="https://example.com",
    payload_format_version="1.0",
    opts=pulumi.ResourceOptions(provider=aws_provider),
)
route = aws.apigatewayv2.Route(
    "orders",
    api_id=api.id,
    route_key="$default",
    target=integration.id.apply(lambda integration_id: f"integrations/{integration_id}"),
    opts=pulumi.ResourceOptions(provider=aws_provider),
)
stage = aws.apigatewayv2.Stage(
    "orders",
    api_id=api.id,
    name="$default",
    auto_deploy=True,
    opts=pulumi.ResourceOptions(provider=aws_provider),
)


def team_tags(args: pulumi.ResourceTransformArgs):
    """The `transforms` option reaches the component's children (what `transform` does in TypeScript)."""
    if args.type_ == "aws:apigatewayv2/domainName:DomainName":
        props = {**args.props, "tags": {**(args.props.get("tags") or {}), "team": "orders"}}
        return pulumi.ResourceTransformResult(props=props, opts=args.opts)
    return None


domain = apigw_domains.RegionalDomain(
    "orders",
    domain_name=f"orders.{zone}",
    zone_name=zone,
    api_type="http",
    ip_address_type="dualstack",
    mappings=[apigw_domains.MappingArgs(api_id=api.id, stage=stage.name, base_path="v1")],
    opts=pulumi.ResourceOptions(
        providers={"aws": aws_provider},
        transforms=[team_tags],
        depends_on=[route],
    ),
)

pulumi.export("url", domain.url)
pulumi.export("urls", domain.urls)
pulumi.export("target_domain_name", domain.target_domain_name)
pulumi.export("hosted_zone_id", domain.hosted_zone_id)
