/**
 * The share button (ShareButton.astro): navigator.share where the browser has it,
 * else the address copied; the outcome is said in a status line.
 */
import { must } from '../lib/must';

for (const box of document.querySelectorAll<HTMLElement>('[data-share]')) {
  const button = must(box.querySelector<HTMLButtonElement>('[data-share-button]'), 'data-share-button');
  const status = must(box.querySelector<HTMLElement>('[data-share-status]'), 'data-share-status');
  // The page itself, without ?highlight= or #anchor: what a reader means to pass on.
  const url = `${location.origin}${location.pathname}`;
  const title = button.dataset.shareTitle ?? document.title;
  const share = async () => {
    status.textContent = '';
    if (typeof navigator.share === 'function') {
      try {
        await navigator.share({ title, url });
        return;
      } catch (error) {
        // The reader closed the share sheet: nothing to say.
        if (error instanceof DOMException && error.name === 'AbortError') return;
      }
    }
    try {
      await navigator.clipboard.writeText(url);
      status.textContent = '페이지 주소를 복사했습니다.';
    } catch {
      status.textContent = `주소를 복사하지 못했습니다. 이 주소를 직접 복사하세요: ${url}`;
    }
  };
  button.addEventListener('click', () => void share());
}
