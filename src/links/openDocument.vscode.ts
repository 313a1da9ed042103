// Opens a document where a session left it: a text file at the cursor, a notebook in the notebook editor at the
// cursor's cell (its line and character are within that cell, which no file link can name).
import { NotebookEditorRevealType, NotebookRange, Position, Range, Uri, commands, window, workspace } from 'vscode';
import type { CursorPosition } from '../tracking/types';

export async function openDocumentAt(uri: Uri, cursor: CursorPosition | undefined): Promise<void> {
  if (cursor?.cell !== undefined) {
    const notebook = await workspace.openNotebookDocument(uri);
    const cell = Math.min(cursor.cell, Math.max(0, notebook.cellCount - 1));
    const range = new NotebookRange(cell, cell + 1);
    const editor = await window.showNotebookDocument(notebook, { selections: [range] });
    editor.revealRange(range, NotebookEditorRevealType.InCenterIfOutsideViewport);
    return;
  }
  if (cursor === undefined) {
    // The editor's default editor for the file: a notebook opens as a notebook, anything else as text.
    await commands.executeCommand('vscode.open', uri);
    return;
  }
  const position = new Position(cursor.line, cursor.character);
  await window.showTextDocument(uri, { selection: new Range(position, position) });
}
