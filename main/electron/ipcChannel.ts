/** The single IPC channel of the API; the method name travels as the first argument. */
export const IPC_CHANNEL = 'tthc:api';

/** The channel on which the window asks the main process to save a streamed file where the officer chooses. */
export const SAVE_CHANNEL = 'tthc:save';

/** The channel of the connection to the unit's team server (shared/contract/unitServerApi.ts), answered by the main process. */
export const UNIT_SERVER_CHANNEL = 'tthc:unit-server';
