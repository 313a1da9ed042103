// Lists the entries of a zip file (a .vsix) from its central directory. Enough to check what a package holds.
import * as fs from 'node:fs';

export interface ZipEntry {
  name: string;
  compressedSize: number;
  size: number;
}

export function listZip(file: string): ZipEntry[] {
  const data = fs.readFileSync(file);
  const endSignature = 0x06054b50;
  let end = -1;
  for (let i = data.length - 22; i >= Math.max(0, data.length - 65_557); i--) {
    if (data.readUInt32LE(i) === endSignature) {
      end = i;
      break;
    }
  }
  if (end < 0) throw new Error(`${file} is not a zip file (no end of central directory)`);
  const count = data.readUInt16LE(end + 10);
  let offset = data.readUInt32LE(end + 16);
  const entries: ZipEntry[] = [];
  for (let n = 0; n < count; n++) {
    if (data.readUInt32LE(offset) !== 0x02014b50) throw new Error(`${file}: broken central directory`);
    const compressedSize = data.readUInt32LE(offset + 20);
    const size = data.readUInt32LE(offset + 24);
    const nameLength = data.readUInt16LE(offset + 28);
    const extraLength = data.readUInt16LE(offset + 30);
    const commentLength = data.readUInt16LE(offset + 32);
    const name = data.toString('utf8', offset + 46, offset + 46 + nameLength);
    entries.push({ name, compressedSize, size });
    offset += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}
