/**
 * Adds a "링크 복사" button beside every body heading that has an id. The buttons are
 * created here rather than rendered, so a reader without JavaScript never sees a
 * dead control (the heading's own # link still works).
 */
const addCopyButtons = () => {
  for (const heading of document.querySelectorAll<HTMLElement>('[data-prose] :is(h2,h3)[id]')) {
    const button = document.createElement('button');
    button.type = 'button';
    button.className = 'copy-link no-print';
    button.textContent = '링크 복사';
    button.setAttribute('aria-label', `‘${(heading.textContent ?? '').replace(/#$/, '').trim()}’ 항목 링크 복사`);
    const copy = async () => {
      const url = `${location.origin}${location.pathname}#${heading.id}`;
      try {
        await navigator.clipboard.writeText(url);
        button.textContent = '복사됨';
      } catch {
        history.replaceState(null, '', `#${heading.id}`);
        button.textContent = '주소창에 표시함';
      }
      setTimeout(() => (button.textContent = '링크 복사'), 2000);
    };
    button.addEventListener('click', () => void copy());
    heading.append(button);
  }
};
// Added when the browser is idle, so the extra layout never lengthens the first paint's task.
if ('requestIdleCallback' in window) requestIdleCallback(addCopyButtons);
else setTimeout(addCopyButtons, 1);
