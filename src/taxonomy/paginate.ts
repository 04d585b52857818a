/** One page of a paginated list, as plain data a template renders. */
export interface Page<T> {
  /** 1-based. */
  pageNumber: number;
  totalPages: number;
  items: T[];
  /** Index of the first item of this page in the whole list (0-based). */
  offset: number;
  /** Site-relative URL: page 1 at the base, later pages at `<base>page/N/`. */
  url: string;
  previousUrl?: string;
  nextUrl?: string;
  firstUrl: string;
  lastUrl: string;
}

export function pageUrl(baseUrl: string, pageNumber: number): string {
  return pageNumber <= 1 ? baseUrl : `${baseUrl}page/${pageNumber}/`;
}

/** Splits `items` into pages of `pageSize`; an empty list still has one (empty) page so its URL exists. */
export function paginate<T>(items: readonly T[], pageSize: number, baseUrl: string): Page<T>[] {
  const totalPages = Math.max(1, Math.ceil(items.length / pageSize));
  const pages: Page<T>[] = [];
  for (let n = 1; n <= totalPages; n++) {
    pages.push({
      pageNumber: n,
      totalPages,
      items: items.slice((n - 1) * pageSize, n * pageSize),
      offset: (n - 1) * pageSize,
      url: pageUrl(baseUrl, n),
      ...(n > 1 ? { previousUrl: pageUrl(baseUrl, n - 1) } : {}),
      ...(n < totalPages ? { nextUrl: pageUrl(baseUrl, n + 1) } : {}),
      firstUrl: baseUrl,
      lastUrl: pageUrl(baseUrl, totalPages),
    });
  }
  return pages;
}
