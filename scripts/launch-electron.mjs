// `npm start` ends here: launch the Electron binary on the built app, or say at once why we cannot.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

export function electronBinary(root = process.cwd()) {
  const pkg = path.join(root, 'node_modules', 'electron');
  const pathTxt = path.join(pkg, 'path.txt');
  const rel = fs.existsSync(pathTxt) ? fs.readFileSync(pathTxt, 'utf8').trim()
    : process.platform === 'win32' ? 'electron.exe' : process.platform === 'darwin' ? 'Electron.app/Contents/MacOS/Electron' : 'electron';
  const dist = process.env.ELECTRON_OVERRIDE_DIST_PATH ?? path.join(pkg, 'dist');
  const bin = path.join(dist, rel);
  return fs.existsSync(bin) ? bin : null;
}

const bin = electronBinary();
if (!bin) {
  // We check for the file instead of require('electron'), which would try to download it and hang offline.
  console.error('未找到 Electron 程序文件，无法打开桌面窗口：请在联网时运行 `npx install-electron` 下载一次，或设置 ELECTRON_OVERRIDE_DIST_PATH 指向已解压的 Electron（离线可用 `npm run web` 在浏览器中使用）。 / Electron binary not found: run `npx install-electron` once with internet access, or set ELECTRON_OVERRIDE_DIST_PATH to an unpacked Electron (offline: `npm run web` serves the app to a browser).');
  process.exit(1);
}
const child = spawn(bin, ['.', ...process.argv.slice(2)], { stdio: 'inherit' });
child.on('exit', (code) => process.exit(code ?? 0));
