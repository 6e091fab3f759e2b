/** AWS Lambda limits. */

/**
 * A function name has at most 64 characters. Source: AWS Lambda API Reference, CreateFunction,
 * FunctionName ("The length constraint applies only to the full ARN. If you specify only the
 * function name, it is limited to 64 characters in length.").
 */
export const FUNCTION_NAME_MAX_LENGTH = 64;
