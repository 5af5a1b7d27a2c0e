// pgpass (node-postgres' own .pgpass reader) ships no types.
declare module 'pgpass' {
  function pgpass(connInfo: object, found: (password: string | undefined) => void): void;
  export default pgpass;
}
