/** AWS Lambda limits. */

/**
 * A function name has at most 64 characters. Source (checked): AWS Lambda API Reference,
 * FunctionName of CreateFunction and the other function operations: the field's own length limit
 * counts a full ARN, while a bare function name is held to 64 characters.
 */
export const FUNCTION_NAME_MAX_LENGTH = 64;
