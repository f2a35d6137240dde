// Generated Vietnamese text for comparing the engines' folding and search: every vowel with every tone, đ/Đ, both
// cases, punctuation officers type (“ ” – ( ) / . ,), digits, and the whole text sometimes decomposed (NFD), as text
// pasted from some editors arrives.
import fc from 'fast-check';

const TONES = ['', '\u0300', '\u0301', '\u0309', '\u0303', '\u0323'];
const VOWELS = ['a', 'ă', 'â', 'e', 'ê', 'i', 'o', 'ô', 'ơ', 'u', 'ư', 'y'];
const CONSONANTS = ['b', 'c', 'ch', 'd', 'đ', 'g', 'gi', 'h', 'k', 'kh', 'l', 'm', 'n', 'ng', 'nh', 'p', 'ph', 'qu', 'r', 's', 't', 'th', 'tr', 'v', 'x'];
const SEPARATORS = [' ', ' ', ' ', ', ', '. ', ' – ', '-', ' (', ') ', '/', ' “', '” ', ': '];

const toned = (vowel: string, tone: string) => `${vowel}${tone}`.normalize('NFC');

/** A syllable: consonant, vowel with a tone, maybe a final; in any of lower, upper or title case. */
export const syllable = (): fc.Arbitrary<string> =>
  fc
    .record({
      onset: fc.constantFrom('', ...CONSONANTS),
      vowel: fc.constantFrom(...VOWELS),
      tone: fc.constantFrom(...TONES),
      coda: fc.constantFrom('', '', 'n', 'ng', 'nh', 'c', 'ch', 't', 'm', 'p', 'i', 'y', 'o', 'u'),
      shape: fc.constantFrom('lower', 'lower', 'upper', 'title'),
    })
    .map(({ onset, vowel, tone, coda, shape }) => {
      const word = `${onset}${toned(vowel, tone)}${coda}`;
      if (shape === 'upper') return word.toUpperCase();
      if (shape === 'title') return word.charAt(0).toUpperCase() + word.slice(1);
      return word;
    });

/** Words, numbers and separators; a quarter of the texts decomposed (NFD). */
export const vietnameseText = (): fc.Arbitrary<string> =>
  fc
    .record({
      parts: fc.array(fc.tuple(fc.oneof({ weight: 6, arbitrary: syllable() }, { weight: 1, arbitrary: fc.nat(2000).map(String) }), fc.constantFrom(...SEPARATORS)), {
        minLength: 1,
        maxLength: 8,
      }),
      decomposed: fc.boolean(),
    })
    .map(({ parts, decomposed }) => {
      const text = parts.map(([word, separator]) => `${word}${separator}`).join('').trim();
      return decomposed && text.length % 4 === 0 ? text.normalize('NFD') : text;
    });
