/** The boxes that scroll sideways when they hold more than a phone's width (styles.css, summary.css). */
const SCROLLERS = '.ant-table-content, .plain-table, .summary-paper';
const NAME = '可左右滚动查看';

/**
 * A keyboard user can scroll a box only once it takes the focus (WCAG 2.1.1, axe's
 * scrollable-region-focusable): whichever page drew it, every box that scrolls sideways is made focusable and
 * named, and made plain again once it fits. Watches `root` for as long as the app runs.
 */
export function keepScrollRegionsFocusable(root: HTMLElement): void {
  let frame = 0;
  const mark = () => {
    frame = 0;
    for (const box of root.querySelectorAll<HTMLElement>(SCROLLERS)) {
      const scrolls = box.scrollWidth > box.clientWidth;
      if (scrolls === box.hasAttribute('data-scroll-region')) continue;
      if (scrolls) {
        box.setAttribute('data-scroll-region', '');
        box.tabIndex = 0;
        // A landmark for the generic box only: the summary's article keeps its own role.
        if (box.tagName === 'DIV') box.setAttribute('role', 'region');
        box.setAttribute('aria-label', NAME);
      } else {
        for (const attribute of ['data-scroll-region', 'tabindex', 'role', 'aria-label']) {
          box.removeAttribute(attribute);
        }
      }
    }
  };
  const schedule = () => {
    frame ||= requestAnimationFrame(mark);
  };
  new MutationObserver(schedule).observe(root, { childList: true, subtree: true });
  window.addEventListener('resize', schedule);
  schedule();
}
