/** AWS WAF (v2) limits. */

/**
 * A web ACL name has at most 128 characters. Source: AWS WAFV2 API Reference, CreateWebACL, Name
 * ("Length Constraints: Minimum length of 1. Maximum length of 128.").
 */
export const WEB_ACL_NAME_MAX_LENGTH = 128;
