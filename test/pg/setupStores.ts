// Setup file of the vitest project `postgres`: a test's stores are emptied and reused after it, and the file's
// databases dropped after the file (test/pg/testStores.ts).
import { afterAll, afterEach, beforeEach } from 'vitest';
import { dropPgTestStores, enterTest, leaveTest } from './testStores';

beforeEach(enterTest);
afterEach(leaveTest);
afterAll(dropPgTestStores, 60_000);
