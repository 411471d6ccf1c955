/** Hands text the page already holds to the browser as a download. */
export function downloadFile(fileName: string, text: string, type: string) {
  const blob = new Blob([text], { type: `${type};charset=utf-8` });
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.appendChild(link);
  link.click();
  link.remove();
  // Some browsers read the blob after click() returns; it may wait.
  setTimeout(() => URL.revokeObjectURL(url), 30_000);
}
