/** Facts main() learns from argv before any command module loads. */
export const runtime = {
  /** False with --no-color. */
  color: true,
};
