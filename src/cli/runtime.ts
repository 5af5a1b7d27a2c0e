/** Facts main() learns from argv before any command module loads. */
export const runtime = {
  /** False with --no-color. */
  color: true,
  /** True when --lang or TEAM_LANG chose the language (the database's own setting then yields). */
  langExplicit: false,
};
