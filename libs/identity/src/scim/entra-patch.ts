/**
 * Microsoft Entra ID, unless the app is set up with its `aadOptscim062020` flag, sends booleans of
 * a PATCH as the strings "True" and "False" (`{"op":"Replace","path":"active","value":"False"}`).
 * SCIM says booleans are JSON booleans; this turns Entra's strings into them, for `active` only,
 * the one boolean Standpoint reads, so that the PATCH means what Entra meant.
 */
export function withEntraBooleans(message: unknown): unknown {
  if (!isObject(message) || !Array.isArray(message.Operations)) return message;
  return {
    ...message,
    Operations: message.Operations.map((operation: unknown) => {
      if (!isObject(operation)) return operation;
      if (typeof operation.path === 'string' && operation.path.toLowerCase() === 'active') {
        return { ...operation, value: asBoolean(operation.value) };
      }
      if (
        operation.path === undefined &&
        isObject(operation.value) &&
        'active' in operation.value
      ) {
        return {
          ...operation,
          value: { ...operation.value, active: asBoolean(operation.value.active) },
        };
      }
      return operation;
    }),
  };
}

function asBoolean(value: unknown): unknown {
  if (typeof value !== 'string') return value;
  const lower = value.toLowerCase();
  return lower === 'true' ? true : lower === 'false' ? false : value;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
