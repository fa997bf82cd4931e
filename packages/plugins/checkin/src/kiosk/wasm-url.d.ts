/** Vite turns `?url` imports into the built asset's URL (under the kiosk's base, /kiosk/). */
declare module '*.wasm?url' {
  const url: string;
  export default url;
}
