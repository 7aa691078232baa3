/** The parts of the `vcf` package (which ships no types) the tests use. */
declare module 'vcf' {
  interface Property {
    valueOf(): string;
    type?: string | string[];
    [param: string]: unknown;
  }
  class vCard {
    version: string;
    data: Record<string, Property | Property[]>;
    parse(value: string): vCard;
    get(key: string): Property;
  }
  export default vCard;
}
