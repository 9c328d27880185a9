import { createInflateRaw } from 'node:zlib';

// A zip's declared sizes can lie: a 1 MB .xlsx can inflate to gigabytes. Before a spreadsheet reader sees a
// zip, every entry is inflated here as a stream, counting what comes out and stopping at the limit, so that
// neither memory nor the event loop pays for a decompression bomb.

const EOCD_SIGNATURE = 0x06054b50;
const CENTRAL_SIGNATURE = 0x02014b50;
const LOCAL_SIGNATURE = 0x04034b50;
const STORED = 0;
const DEFLATED = 8;

export class ZipOverLimit extends Error {}
export class ZipUnreadable extends Error {}

interface Entry {
  method: number;
  compressedSize: number;
  localOffset: number;
}

function entries(zip: Buffer): Entry[] {
  // The end-of-central-directory record sits in the last 22 bytes plus a comment of at most 65,535.
  let eocd = -1;
  for (let at = zip.length - 22; at >= Math.max(0, zip.length - 22 - 0xffff); at--) {
    if (zip.readUInt32LE(at) === EOCD_SIGNATURE) {
      eocd = at;
      break;
    }
  }
  if (eocd < 0) throw new ZipUnreadable('no end of central directory');
  const count = zip.readUInt16LE(eocd + 10);
  let at = zip.readUInt32LE(eocd + 16);
  const found: Entry[] = [];
  for (let i = 0; i < count; i++) {
    if (at + 46 > zip.length || zip.readUInt32LE(at) !== CENTRAL_SIGNATURE) {
      throw new ZipUnreadable('bad central directory');
    }
    found.push({
      method: zip.readUInt16LE(at + 10),
      compressedSize: zip.readUInt32LE(at + 20),
      localOffset: zip.readUInt32LE(at + 42),
    });
    at += 46 + zip.readUInt16LE(at + 28) + zip.readUInt16LE(at + 30) + zip.readUInt16LE(at + 32);
  }
  return found;
}

function dataOf(zip: Buffer, entry: Entry): Buffer {
  const at = entry.localOffset;
  if (at + 30 > zip.length || zip.readUInt32LE(at) !== LOCAL_SIGNATURE)
    throw new ZipUnreadable('bad local header');
  const start = at + 30 + zip.readUInt16LE(at + 26) + zip.readUInt16LE(at + 28);
  const end = start + entry.compressedSize;
  if (end > zip.length) throw new ZipUnreadable('entry past the end');
  return zip.subarray(start, end);
}

/** Inflates one entry, adding to `total` as bytes come out; rejects with ZipOverLimit past `limit`. */
function inflateCounting(data: Buffer, total: { bytes: number }, limit: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const inflate = createInflateRaw();
    inflate.on('data', (chunk: Buffer) => {
      total.bytes += chunk.length;
      if (total.bytes > limit) {
        inflate.destroy();
        reject(new ZipOverLimit());
      }
    });
    inflate.on('error', () => reject(new ZipUnreadable('corrupt deflate data')));
    inflate.on('end', resolve);
    inflate.end(data);
  });
}

/** Resolves when every entry of the zip inflates to at most `limit` bytes in all; never holds more than a chunk. */
export async function checkInflatedSize(zip: Buffer, limit: number): Promise<void> {
  const total = { bytes: 0 };
  for (const entry of entries(zip)) {
    const data = dataOf(zip, entry);
    if (entry.method === STORED) {
      total.bytes += data.length;
      if (total.bytes > limit) throw new ZipOverLimit();
    } else if (entry.method === DEFLATED) {
      await inflateCounting(data, total, limit);
    } else {
      throw new ZipUnreadable(`compression method ${entry.method}`);
    }
  }
}
