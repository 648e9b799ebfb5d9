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
search-title = Search
search-results-label = Results
# Variables:
#   $count (number): how many results the query found.
search-count =
    { $count ->
        [one] { $count } result
       *[other] { $count } results
    }
# Variables:
#   $query (string): what the reader typed.
search-none = No results for “{ $query }”.
search-suggestions = Check the spelling, try fewer or other words, or browse:
search-did-you-mean = Did you mean:
search-try-word = Search for one word:
search-loading = Searching…
search-error = Search is not available right now. Please try again later.
search-all-results = All results
search-more-results = More results
search-kind-article = Article
search-kind-page = Page
search-kind-service = Service
search-kind-organization = Organization
search-kind-seminar = Seminar
search-kind-city = City
search-kind-network = Network
search-kind-law = Law
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

## Translation that may lag behind

# Variables:
#   $language (string): the language of the original text, e.g. "Spanish".
translation-outdated = The { $language } text has changed since this page was translated, so this translation may not include the latest changes.
# Variables:
#   $language (string): as in translation-outdated. The text of the link to the original.
translation-outdated-link = Read the { $language } text

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

## Directory

nav-directory = Services
directory-title = Services directory
directory-intro = Organizations that help migrants and refugees, what they offer, who may come and when they are open.
directory-filters = Filter services
# Variables:
#   $count (number): how many services the list holds.
directory-services =
    { $count ->
        [one] { $count } service
       *[other] { $count } services
    }
directory-seminars = Seminars
directory-cities = Cities
directory-networks = Networks
facet-area = Area
facet-city = City
facet-language = Language
facet-access = Access
facet-cost = Cost
access-walk-in = Walk in, no appointment needed
access-appointment = By appointment
access-first-come-first-served = In order of arrival
access-referral = Only when referred by another organization
cost-free = Free
cost-low-cost = Low cost
cost-paid = Paid
service-next = Next:
service-open-now = Open now
service-provided-by = Provided by
service-who = Who may come
service-referred-elsewhere = If this service is not for you:
service-unknown = We do not have this information yet.
service-how = How it works
# Variables:
#   $count (number): people attended per session.
service-capacity =
    { $count ->
        [one] { $count } person per session
       *[other] { $count } people per session
    }
# Variables:
#   $minutes (number): length of one appointment.
service-length = About { $minutes } minutes each
service-languages = Languages:
service-where-when = Where and when
service-hours = Opening hours:
service-next-sessions = Next sessions:
service-documents = What to bring
service-referral = How to refer someone
service-refers-to = This service refers people to:
service-more = More about this service
# Variables:
#   $date (string): the date already written in English.
service-verified = Information checked on { $date }
report-mistake = Report a mistake on this page
pathway-offer = Referral agreement:
place-confidential = Confidential address, given after referral
place-transit = Getting there:
place-accessibility = Accessibility:
calendar-add = Add to calendar (.ics)
org-kind-ngo = Non-governmental organization
org-kind-government = Public administration
org-kind-intergovernmental = Intergovernmental organization
org-kind-network = Network
org-kind-association = Association
org-services = Services
org-partnerships = Partnerships and referral pathways
org-partner-with = With
org-places = Places
partnership-referral = Referrals
partnership-co-delivery = Joint services
partnership-training = Training
partnership-housing = Housing
source-label = Source:
seminar-organizer = Organized by
seminar-delivered-by = Delivered by
seminar-funders = Funded by
seminar-audience = For
seminar-closed = closed seminar, by invitation
seminar-registration = Registration
seminar-attendance = Attendance
seminar-network = Network
seminar-topics = Topics
seminar-upcoming = Upcoming sessions
seminar-past = Past sessions
seminar-no-dates = No dates have been published.
seminar-outcomes = Reported results
session-cancelled = cancelled
registration-open = Open to anyone
registration-invitation = By invitation
registration-none = No registration needed
attendance-in-person = In person
attendance-online = Online
attendance-mixed = In person and online
city-no-services = No services in this city are listed yet.
city-organizations = Organizations
network-coordinator = Coordinated by
network-supporters = Supported by
network-members = Member cities
network-member-organizations = Member organizations
# Variables:
#   $date (string): a date, a month or a year, already written in English.
since = since { $date }

## Laws and citations

nav-laws = Laws
laws-title = Laws
laws-intro = The laws our articles cite: where to read them, whether they apply, and which articles cite them.
laws-feed = Atom feed of changes to these laws
# Variables:
#   $site (string): the name of the site.
laws-feed-title = { $site }: changes to laws
# Variables:
#   $count (number): how many articles cite the law.
laws-citing-count =
    { $count ->
        [0] not cited yet
        [one] cited by { $count } article
       *[other] cited by { $count } articles
    }
# Variables:
#   $kind (string): organic-law, law, royal-decree, royal-decree-law, presidential-decree, eu-regulation or eu-directive.
law-kind =
    { $kind ->
        [organic-law] Organic law
        [law] Law
        [royal-decree] Royal decree
        [royal-decree-law] Royal decree-law
        [presidential-decree] Presidential decree
        [eu-regulation] EU regulation
       *[eu-directive] EU directive
    }
# Variables:
#   $jurisdiction (string): es, gr or eu.
jurisdiction =
    { $jurisdiction ->
        [es] Spain
        [gr] Greece
       *[eu] European Union
    }
jurisdiction-label = Jurisdiction
# Variables:
#   $status (string): in-force, repealed, partially-in-force or pending.
#   $kind (string): the kind of law, as in law-kind (for languages whose adjectives agree with it).
law-status =
    { $status ->
        [in-force] In force
        [repealed] Repealed
        [partially-in-force] Partially in force
       *[pending] Not yet in force
    }
law-status-label = Status
law-kind-label = Type
law-number = Number
law-date = Date
law-published = Published
law-journal = Official journal
law-journal-id = Journal identifier
law-eli = ELI (permanent link)
law-eli-not-verified = not verified
law-consolidated = Consolidated text
law-in-force-from = In force from
law-repealed-by = Repealed by
law-repealed-on = Repealed with effect from
law-repeals = Repeals
law-amends = Amends
law-amended-by = Amended by
law-citing-title = Articles that cite this law
law-citing-none = No article cites this law yet.
law-all = All laws
law-notice = This page describes a law: its identifiers, dates and status. Only the official text has legal force.
# Variables:
#   $law (string): the short title of the law.
#   $date (string): the date, already written in English.
law-pending-banner = { $law } is not yet in force: it applies from { $date }.
# Title of an entry of the feed of changes to laws.
# Variables:
#   $change (string): published, in-force, amended or repealed.
#   $law (string): the short title of the law.
law-change =
    { $change ->
        [published] Publication
        [in-force] Entry into force
        [amended] Amendment
       *[repealed] Repeal
    }: { $law }
# Variables:
#   $change (string): published or in-force.
#   $date (string): the date, already written in English.
law-change-dated =
    { $change ->
        [published] Published on { $date }.
       *[in-force] In force from { $date }.
    }
# Variables:
#   $by (string): the short title of the amending law.
#   $date (string): the date, already written in English.
law-change-amended = Amended by { $by } from { $date }.

## Citations and legal aids on articles

# How articles of a law are cited in a text: "art. 31.3", "arts. 123–130".
# Variables:
#   $count (number): 1 for one article, more for a range or a list.
#   $articles (string): the articles, e.g. "31.3" or "123–130".
cite-articles =
    { $count ->
        [one] art. { $articles }
       *[other] arts. { $articles }
    }
laws-cited-title = Laws cited
law-official-text = Official text
# Variables:
#   $law (string): the short title of the repealed law (a link).
#   $by (string): the short title of the law that repealed it (a link).
#   $date (string): the date the repeal took effect, already written in English.
#   $kind, $by_kind (string): the kinds of the two laws, for languages that need them.
repeal-text = { $law } was repealed by { $by } with effect from { $date }.
# Variables:
#   $law (string): the short title of the repealed law (a link).
#   $date (string): the date the repeal took effect.
#   $kind (string): its kind.
repeal-text-no-by = { $law } was repealed with effect from { $date }.
repeal-title = This article cites a repealed law
repeal-note-title = A law cited here has been repealed
# Variables:
#   $date (string): the date of the article's last legal review.
#   $law (string): the short title of the repealed law.
repeal-stale = The last legal review of this article ({ $date }) took place before the repeal: what it says about { $law } may no longer apply.
# Variables:
#   $law (string): the short title of the repealed law.
repeal-unreviewed = This article has had no legal review since the repeal: what it says about { $law } may no longer apply.
# A link to the page of a law, which lists the articles that cite it.
# Variables:
#   $law (string): the short title of the law.
repeal-citing = Articles citing { $law }
# Variables:
#   $date (string): the date of the review, already written in English.
article-reviewed = Legal review: { $date }
# Variables:
#   $date (string): the date of the review.
#   $name (string): who reviewed it.
article-reviewed-by = Legal review: { $date }, by { $name }
# Variables:
#   $minutes (number): estimated reading time.
reading-time =
    { $minutes ->
        [one] Reading time: { $minutes } minute
       *[other] Reading time: { $minutes } minutes
    }
related-title = Related articles
services-related-title = Where to get help
cite-this-title = Cite this article
# Variables:
#   $has_authors (string): "true" or "false".
#   $authors (string): the authors, separated by commas.
#   $title (string): the title of the article.
#   $site (string): the name of the site.
#   $date (string): the date of the article (or of its last update).
#   $url (string): its address.
cite-this-text =
    { $has_authors ->
        [true] { $authors }, “{ $title }”, { $site }, { $date }. { $url }
       *[false] “{ $title }”, { $site }, { $date }. { $url }
    }
legal-notice = This article is general information, not legal advice. For your own situation, ask a lawyer or one of the services in our directory.
