import { TaskCancelled } from '../../components/useCancellableTask';

/** Reads a chosen file as base64 (the shape the API carries), reporting the share read; Cancel stops the reader. */
export function readFileBase64(file: File, signal: AbortSignal, report: (share: number) => void): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onprogress = (event) => {
      if (event.lengthComputable && event.total > 0) report(event.loaded / event.total);
    };
    reader.onload = () => {
      const url = String(reader.result);
      resolve(url.slice(url.indexOf(',') + 1));
    };
    reader.onerror = () => reject(reader.error ?? new Error(file.name));
    reader.onabort = () => reject(new TaskCancelled());
    signal.addEventListener('abort', () => reader.abort(), { once: true });
    reader.readAsDataURL(file);
  });
}
