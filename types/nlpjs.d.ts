// NLP.js ships no type declarations; only the part Doable uses is declared.
declare module "@nlpjs/lang-en-min" {
  export class StemmerEn {
    stemWord(word: string): string;
  }
}
