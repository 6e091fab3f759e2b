/** AWS WAF (v2) limits. */

/**
 * A web ACL name has at most 128 characters. Source (checked): AWS WAFV2 API Reference, the
 * "WebACL" data type (the same name CreateWebACL takes): Name is 1-128 characters of letters,
 * digits, underscores and hyphens (pattern `^[\w\-]+$`), fixed once created.
 */
export const WEB_ACL_NAME_MAX_LENGTH = 128;
