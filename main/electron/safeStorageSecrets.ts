// The session cookie of the unit's team server, encrypted with the operating system's key store (Electron safeStorage:
// Keychain, DPAPI, libsecret/kwallet) in a file of the user's data folder. Where the OS offers no key store (Linux
// without a keyring, whose fallback is a hard-coded key) the cookie is never written: it lives until the app closes.
import { safeStorage } from 'electron';
import { existsSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { memorySecretStore, type SecretStore } from '../transports/unitServerClient';

function osKeyStoreAvailable(): boolean {
  if (!safeStorage.isEncryptionAvailable()) return false;
  return process.platform !== 'linux' || safeStorage.getSelectedStorageBackend() !== 'basic_text';
}

export function safeStorageSecretStore(path: string): SecretStore {
  if (!osKeyStoreAvailable()) return memorySecretStore();
  return {
    async read() {
      if (!existsSync(path)) return undefined;
      try {
        return safeStorage.decryptString(readFileSync(path));
      } catch {
        // Encrypted under another user or key store: as if signed out.
        return undefined;
      }
    },
    async write(secret) {
      writeFileSync(`${path}.tmp`, safeStorage.encryptString(secret), { mode: 0o600 });
      renameSync(`${path}.tmp`, path);
    },
    async erase() {
      rmSync(path, { force: true });
    },
  };
}
