/** An upload the page sent through XMLHttpRequest, answered when and how the test says. */
export interface PendingUpload {
  method: string;
  url: string;
  headers: Record<string, string>;
  body: Blob;
  aborted: boolean;
  /** Reports `loaded` bytes of the body sent. */
  progress(loaded: number): void;
  /** The whole body went out and Kibana answered `status` with `body` (JSON). */
  respond(status: number, body: unknown): void;
}

/**
 * Replaces jsdom's XMLHttpRequest (which would call out) with one that records each request and
 * lets the test drive its progress and answer.
 */
export function installFakeUploads() {
  const uploads: PendingUpload[] = [];
  const original = window.XMLHttpRequest;

  class FakeXMLHttpRequest extends EventTarget {
    readonly upload = new EventTarget();
    status = 0;
    statusText = '';
    responseText = '';
    private request?: PendingUpload;
    private readonly opened = { method: '', url: '' };
    private readonly headers: Record<string, string> = {};

    open(method: string, url: string) {
      Object.assign(this.opened, { method, url });
    }

    setRequestHeader(name: string, value: string) {
      this.headers[name.toLowerCase()] = value;
    }

    send(body: Blob) {
      const total = body.size;
      const request: PendingUpload = {
        ...this.opened,
        headers: this.headers,
        body,
        aborted: false,
        progress: (loaded) =>
          this.upload.dispatchEvent(
            new ProgressEvent('progress', { loaded, total, lengthComputable: true })
          ),
        respond: (status, answer) => {
          this.upload.dispatchEvent(new ProgressEvent('load', { loaded: total, total }));
          this.status = status;
          this.responseText = JSON.stringify(answer);
          this.dispatchEvent(new ProgressEvent('load'));
        },
      };
      this.request = request;
      uploads.push(request);
    }

    abort() {
      if (this.request) this.request.aborted = true;
      this.dispatchEvent(new ProgressEvent('abort'));
    }
  }

  window.XMLHttpRequest = FakeXMLHttpRequest as unknown as typeof XMLHttpRequest;
  return {
    uploads,
    restore: () => {
      window.XMLHttpRequest = original;
    },
  };
}
