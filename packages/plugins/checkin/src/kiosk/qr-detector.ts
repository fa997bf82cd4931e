/**
 * The QR reader behind the kiosk's camera: the BarcodeDetector API as ZXing compiled to
 * WebAssembly. Imported only when the camera opens (a separate chunk, with its .wasm beside it),
 * so the kiosk's first load stays small. The .wasm is bundled and served from /kiosk/assets:
 * the library would otherwise fetch it from a CDN, and a kiosk must read codes offline.
 */
import { BarcodeDetector, prepareZXingModule } from 'barcode-detector/ponyfill';
import wasmUrl from 'zxing-wasm/reader/zxing_reader.wasm?url';

const overrides = {
  locateFile: (path: string, prefix: string) => (path.endsWith('.wasm') ? wasmUrl : prefix + path),
};

/** Reads QR codes from a video frame; the text of each code found, in the order found. */
export interface QrReader {
  read(source: HTMLVideoElement): Promise<string[]>;
}

/** A reader ready to use: the WebAssembly is fetched and compiled before this resolves. */
export async function createQrReader(): Promise<QrReader> {
  await prepareZXingModule({ overrides, fireImmediately: true });
  const detector = new BarcodeDetector({ formats: ['qr_code'] });
  return {
    async read(source) {
      const found = await detector.detect(source);
      return found.map((code) => code.rawValue).filter((text) => text !== '');
    },
  };
}
