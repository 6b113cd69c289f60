/** asl-validator ships no type declarations; the one function the tests call. */
declare module 'asl-validator' {
  export default function validator(definition: unknown): { isValid: boolean; errors?: unknown[] };
}
