/**
 * Binds the "화면 설정" controls (ReaderControls.astro): shows them, reflects the
 * current choice, and on change applies it to <html> (the stylesheet reads
 * data-theme and data-text-size) and saves it for the next page (src/reader/init.js).
 */
import { must } from '../lib/must';
import { STORAGE_KEYS, readTextSize, readTheme, type TextSize, type Theme } from '../lib/reader-prefs';

const root = document.documentElement;

function save(key: string, value: string, isDefault: boolean): void {
  try {
    if (isDefault) localStorage.removeItem(key);
    else localStorage.setItem(key, value);
  } catch {
    // Storage blocked: the choice holds for this page only.
  }
}

function applyTheme(theme: Theme): void {
  if (theme === 'system') root.removeAttribute('data-theme');
  else root.setAttribute('data-theme', theme);
}

function applyTextSize(size: TextSize): void {
  if (size === 'normal') root.removeAttribute('data-text-size');
  else root.setAttribute('data-text-size', size);
}

for (const controls of document.querySelectorAll<HTMLElement>('[data-reader-controls]')) {
  const details = must(controls.querySelector('details'), 'reader controls <details>');
  const theme = readTheme(root.getAttribute('data-theme'));
  const size = readTextSize(root.getAttribute('data-text-size'));
  for (const input of controls.querySelectorAll<HTMLInputElement>('input[type="radio"]')) {
    input.checked = input.name === 'reader-theme' ? input.value === theme : input.value === size;
    input.addEventListener('change', () => {
      if (!input.checked) return;
      if (input.name === 'reader-theme') {
        const chosen = readTheme(input.value);
        applyTheme(chosen);
        save(STORAGE_KEYS.theme, chosen, chosen === 'system');
      } else {
        const chosen = readTextSize(input.value);
        applyTextSize(chosen);
        save(STORAGE_KEYS.textSize, chosen, chosen === 'normal');
      }
    });
  }
  // Esc closes the panel and returns to its button; so does a click elsewhere.
  details.addEventListener('keydown', (event) => {
    if (event.key !== 'Escape' || !details.open) return;
    event.stopPropagation();
    details.open = false;
    details.querySelector('summary')?.focus();
  });
  document.addEventListener('click', (event) => {
    if (details.open && event.target instanceof Node && !details.contains(event.target)) details.open = false;
  });
}
