/**
 * Source texts kept in the repo (data/source/, see data/README.md). A page whose
 * `sources` name one of these URLs quotes its sentences for every claim; the build
 * checks each quote against the stored text.
 */
export interface StoredSourceFile {
  /** The source's URL, as pages cite it in `sources[].url`. */
  url: string;
  /** Its title as published; a page citing the URL must give this title. */
  title: string;
  publisher: string;
  /** The stored copy, relative to the project root. */
  file: string;
  /** The body starts after the line that reads this (the page chrome before it is not the article)… */
  bodyAfter: string;
  /** …and ends before the next line that reads this. */
  bodyUntil: string;
}

export const STORED_SOURCE_FILES: readonly StoredSourceFile[] = [
  {
    url: 'https://chungbukzine.com/3725',
    title: 'AI개발사업 국가AI컴퓨팅센터 구축 본격화 소식!',
    publisher: '충북진',
    file: 'data/source/article.txt',
    bodyAfter: 'Last Updated :',
    bodyUntil: 'AI개발사업 국가AI컴퓨팅센터 구축 본격화 소식!',
  },
];
