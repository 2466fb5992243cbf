/**
 * The few design tokens that components take as props rather than from a stylesheet (NutUI's
 * Progress colour, a canvas fill). Same values as `tokens.scss`; a test keeps them equal.
 */
export const COLORS = {
  primary: '#c8161d',
  primaryDark: '#b4141a',
  present: '#17753a',
  surface: '#fff',
} as const
