/**
 * On a phone the preview pane starts closed: side by side with the form it leaves neither
 * readable. The eye button still opens it, and Decap remembers that choice in the same key.
 */
const RIGHT_PANE = 'cms.right-pane';
if (matchMedia('(max-width: 799px)').matches && localStorage.getItem(RIGHT_PANE) === null) {
  localStorage.setItem(RIGHT_PANE, 'none');
}
