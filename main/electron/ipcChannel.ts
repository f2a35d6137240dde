/** The single IPC channel of the API; the method name travels as the first argument. */
export const IPC_CHANNEL = 'tthc:api';
