import { Disposable, EventEmitter, TextDocument, TextDocumentContentProvider, Uri, window, workspace } from 'vscode';

export const PREVIEW_SCHEME = 'activity-feed-preview';

/** Read-only virtual documents for dry runs: content providers' documents cannot be edited or saved. */
export class PreviewDocuments implements TextDocumentContentProvider, Disposable {
  private readonly contents = new Map<string, string>();
  private readonly changed = new EventEmitter<Uri>();
  readonly onDidChange = this.changed.event;
  private readonly registration = workspace.registerTextDocumentContentProvider(PREVIEW_SCHEME, this);

  provideTextDocumentContent(uri: Uri): string {
    return this.contents.get(uri.toString()) ?? '';
  }

  async show(name: string, text: string): Promise<TextDocument> {
    const uri = Uri.from({ scheme: PREVIEW_SCHEME, path: `/${name}` });
    this.contents.set(uri.toString(), text);
    this.changed.fire(uri);
    const document = await workspace.openTextDocument(uri);
    await window.showTextDocument(document, { preview: true });
    return document;
  }

  dispose(): void {
    this.registration.dispose();
    this.changed.dispose();
  }
}
