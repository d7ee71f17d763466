// NLP.js ships no type declarations; only the part Doable uses is declared.
declare module "@nlpjs/lang-en-min" {
  export class StemmerEn {
    stemWord(word: string): string;
  }
}
declare module "@nlpjs/lang-es" {
  export class StemmerEs {
    stemWord(word: string): string;
  }
}
declare module "@nlpjs/lang-fr" {
  export class StemmerFr {
    stemWord(word: string): string;
  }
}
declare module "@nlpjs/lang-de" {
  export class StemmerDe {
    stemWord(word: string): string;
  }
}
