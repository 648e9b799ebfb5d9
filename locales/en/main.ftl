### puerta's interface strings in English (en): every key must also exist in locales/es/main.ftl and locales/el/main.ftl; `puerta check` reports any that is missing.

## Navigation and header

skip-to-content = Skip to content
nav-home = Home
nav-blog = Articles
nav-about = About us
nav-label = Main navigation
language-switcher-label = Language
search-label = Search this site
search-placeholder = A topic, a service, a city…
search-button = Search
search-needs-js = Search needs JavaScript. Without it you can still browse the list of articles and the service directory.
site-tagline = One door to legal information and help for migrants and refugees

## Home page and blog

home-latest-articles = Latest articles
home-all-articles = All articles
blog-title = Articles
# Variables:
#   $count (number): how many articles the list holds.
blog-count =
    { $count ->
        [one] { $count } article
       *[other] { $count } articles
    }
pagination-label = Pagination
pagination-prev = Previous page
pagination-next = Next page
# Variables:
#   $current (number): the page shown.
#   $total (number): how many pages there are.
pagination-page = Page { $current } of { $total }

## Article

# Variables:
#   $date (string): the date already written in English, e.g. "24 November 2026".
article-published = Published on { $date }
# Variables:
#   $date (string): the date already written in English.
article-updated = Updated on { $date }
# Stands before the names of the authors.
article-by = By
category-label = Category
tags-label = Tags
audience-label = Written for
audience-professional = Professionals
audience-public = The general public
toc-label = Contents
footnotes-label = Notes

## Categories and tags

categories-title = Categories
tags-title = Tags
# Variables:
#   $name (string): the name of the category.
term-title-category = Category: { $name }
# Variables:
#   $name (string): the name of the tag.
term-title-tag = Tag: { $name }
# Variables:
#   $count (number): how many articles have this category or tag.
term-count =
    { $count ->
        [one] { $count } article
       *[other] { $count } articles
    }
# Stands before the names of the other languages of the same page.
term-other-languages = Also in:
term-feed-category = Atom feed of this category
term-feed-tag = Atom feed of this tag

## Atom feeds

feed-label = Atom feed
# Variables:
#   $site (string): the name of the site.
feed-title = { $site }: latest articles

## Content not yet translated

# Variables:
#   $language (string): the language the content is shown in, e.g. "Spanish".
fallback-notice = This content is not yet available in English; it is shown in { $language }.
# Variables:
#   $language (string): as in fallback-notice. A short label for lists.
fallback-badge = in { $language }

## Page not found and language chooser

not-found-title = Page not found
not-found-text = The page you are looking for does not exist or has moved.
not-found-home = Go to the home page
chooser-title = Choose your language
chooser-intro = This site is available in more than one language. Choose the one you want to read it in.

## Footer and print

footer-about = About this site
footer-privacy = This site sets no cookies and makes no requests to third parties.
print-url-label = Printed from
# Variables:
#   $date (string): the date already written in English.
page-updated = Last updated: { $date }
translations-label = Read in:
quick-exit = Leave this site quickly

## Language names, as said in English

language-name-es = Spanish
language-name-el = Greek
language-name-en = English
