### Textos de la interfaz de puerta en español (es): cada clave debe existir también en locales/el/main.ftl y locales/en/main.ftl; `puerta check` avisa de las que falten.

## Navegación y cabecera

skip-to-content = Saltar al contenido
nav-home = Inicio
nav-blog = Artículos
nav-about = Quiénes somos
nav-label = Navegación principal
language-switcher-label = Idioma
search-label = Buscar en el sitio
search-placeholder = Un tema, un servicio, una ciudad…
search-button = Buscar
search-needs-js = La búsqueda necesita JavaScript. Sin él puede consultar la lista de artículos y el directorio de servicios.
search-title = Buscar
search-results-label = Resultados
# Variables:
#   $count (number): cuántos resultados encontró la búsqueda.
search-count =
    { $count ->
        [one] { $count } resultado
       *[other] { $count } resultados
    }
# Variables:
#   $query (string): lo que escribió la persona.
search-none = No hay resultados para «{ $query }».
search-suggestions = Revise la ortografía, pruebe con menos palabras o con otras, o consulte:
search-did-you-mean = Quizá quiso decir:
search-try-word = Buscar una sola palabra:
search-loading = Buscando…
search-error = La búsqueda no está disponible ahora. Inténtelo más tarde.
search-all-results = Todos los resultados
search-more-results = Más resultados
search-kind-article = Artículo
search-kind-page = Página
search-kind-service = Servicio
search-kind-organization = Organización
search-kind-seminar = Seminario
search-kind-city = Ciudad
search-kind-network = Red
search-kind-law = Norma
site-tagline = Una sola puerta a la información jurídica y a la ayuda para personas migrantes y refugiadas

## Portada y blog

home-latest-articles = Últimos artículos
home-all-articles = Todos los artículos
blog-title = Artículos
# Variables:
#   $count (number): cuántos artículos hay en la lista.
blog-count =
    { $count ->
        [one] { $count } artículo
       *[other] { $count } artículos
    }
pagination-label = Paginación
pagination-prev = Página anterior
pagination-next = Página siguiente
# Variables:
#   $current (number): la página que se muestra.
#   $total (number): cuántas páginas hay.
pagination-page = Página { $current } de { $total }

## Artículo

# Variables:
#   $date (string): la fecha ya escrita en español, p. ej. «24 de noviembre de 2026».
article-published = Publicado el { $date }
# Variables:
#   $date (string): la fecha ya escrita en español.
article-updated = Actualizado el { $date }
# Va delante de los nombres de los autores.
article-by = Por
category-label = Categoría
tags-label = Etiquetas
audience-label = Dirigido a
audience-professional = Profesionales
audience-public = Público general
toc-label = Índice
footnotes-label = Notas

## Categorías y etiquetas

categories-title = Categorías
tags-title = Etiquetas
# Variables:
#   $name (string): el nombre de la categoría.
term-title-category = Categoría: { $name }
# Variables:
#   $name (string): el nombre de la etiqueta.
term-title-tag = Etiqueta: { $name }
# Variables:
#   $count (number): cuántos artículos tienen esta categoría o etiqueta.
term-count =
    { $count ->
        [one] { $count } artículo
       *[other] { $count } artículos
    }
# Va delante de los nombres de los otros idiomas de la misma página.
term-other-languages = También en:
term-feed-category = Canal Atom de esta categoría
term-feed-tag = Canal Atom de esta etiqueta

## Canales Atom

feed-label = Canal Atom
# Variables:
#   $site (string): el nombre del sitio.
feed-title = { $site }: últimos artículos

## Contenido que aún no está traducido

# Variables:
#   $language (string): el idioma en que se muestra el contenido, en minúscula, p. ej. «inglés».
fallback-notice = Este contenido aún no está disponible en español; se muestra en { $language }.
# Variables:
#   $language (string): como en fallback-notice. Etiqueta corta para las listas.
fallback-badge = en { $language }

## Traducción que puede haber quedado atrás

# Variables:
#   $language (string): el idioma del texto original, p. ej. «inglés».
translation-outdated = El texto en { $language } ha cambiado desde que se tradujo esta página: puede que la traducción no recoja los últimos cambios.
# Variables:
#   $language (string): como en translation-outdated. Texto del enlace al original.
translation-outdated-link = Leer el texto en { $language }

## Página no encontrada y elección de idioma

not-found-title = Página no encontrada
not-found-text = La página que busca no existe o ha cambiado de dirección.
not-found-home = Ir a la página de inicio
chooser-title = Elija su idioma
chooser-intro = Este sitio está disponible en varios idiomas. Elija en cuál quiere leerlo.

## Pie de página e impresión

footer-about = Sobre este sitio
footer-privacy = Este sitio no usa cookies ni hace peticiones a terceros.
print-url-label = Impreso desde
# Variables:
#   $date (string): la fecha ya escrita en español.
page-updated = Última actualización: { $date }
translations-label = Leer en:
quick-exit = Salir rápidamente de este sitio

## Nombres de los idiomas, tal como se dicen en español

language-name-es = español
language-name-el = griego
language-name-en = inglés

## Directorio

nav-directory = Servicios
directory-title = Directorio de servicios
directory-intro = Entidades que ayudan a personas migrantes y refugiadas: qué ofrecen, quién puede acudir y cuándo abren.
directory-filters = Filtrar servicios
# Variables:
#   $count (number): cuántos servicios hay en la lista.
directory-services =
    { $count ->
        [one] { $count } servicio
       *[other] { $count } servicios
    }
directory-seminars = Seminarios
directory-cities = Ciudades
directory-networks = Redes
facet-area = Área
facet-city = Ciudad
facet-language = Idioma
facet-access = Acceso
facet-cost = Coste
access-walk-in = Sin cita previa
access-appointment = Con cita previa
access-first-come-first-served = Por orden de llegada
access-referral = Solo con derivación de otra entidad
cost-free = Gratuito
cost-low-cost = Precio reducido
cost-paid = De pago
service-next = Próxima vez:
service-open-now = Abierto ahora
service-provided-by = Lo ofrece
service-who = Quién puede acudir
service-referred-elsewhere = Si este servicio no es para usted:
service-unknown = Todavía no tenemos esta información.
service-how = Cómo funciona
# Variables:
#   $count (number): personas atendidas en cada sesión.
service-capacity =
    { $count ->
        [one] { $count } persona por sesión
       *[other] { $count } personas por sesión
    }
# Variables:
#   $minutes (number): duración de cada cita.
service-length = Unos { $minutes } minutos cada vez
service-languages = Idiomas:
service-where-when = Dónde y cuándo
service-hours = Horario:
service-next-sessions = Próximas sesiones:
service-documents = Qué llevar
service-referral = Cómo derivar a alguien
service-refers-to = Este servicio deriva a:
service-more = Más sobre este servicio
# Variables:
#   $date (string): la fecha ya escrita en español.
service-verified = Información comprobada el { $date }
report-mistake = Avisar de un error en esta página
pathway-offer = Acuerdo de derivación:
place-confidential = Dirección confidencial, se facilita tras la derivación
place-transit = Cómo llegar:
place-accessibility = Accesibilidad:
calendar-add = Añadir al calendario (.ics)
org-kind-ngo = Organización no gubernamental
org-kind-government = Administración pública
org-kind-intergovernmental = Organización intergubernamental
org-kind-network = Red
org-kind-association = Asociación
org-services = Servicios
org-partnerships = Alianzas y vías de derivación
org-partner-with = Con
org-places = Sedes
partnership-referral = Derivaciones
partnership-co-delivery = Servicios conjuntos
partnership-training = Formación
partnership-housing = Vivienda
source-label = Fuente:
seminar-organizer = Organiza
seminar-delivered-by = Imparte
seminar-funders = Financia
seminar-audience = Dirigido a
seminar-closed = seminario cerrado, por invitación
seminar-registration = Inscripción
seminar-attendance = Modalidad
seminar-network = Red
seminar-topics = Temas
seminar-upcoming = Próximas sesiones
seminar-past = Sesiones anteriores
seminar-no-dates = No se han publicado fechas.
seminar-outcomes = Resultados comunicados
session-cancelled = cancelada
registration-open = Abierta a cualquier persona
registration-invitation = Por invitación
registration-none = Sin inscripción
attendance-in-person = Presencial
attendance-online = En línea
attendance-mixed = Presencial y en línea
city-no-services = Todavía no hay servicios de esta ciudad en el directorio.
city-organizations = Entidades
network-coordinator = Coordina
network-supporters = Con el apoyo de
network-members = Ciudades miembro
network-member-organizations = Entidades miembro
# Variables:
#   $date (string): una fecha, un mes o un año, ya escrito en español.
since = desde { $date }

## Leyes y citas

nav-laws = Legislación
laws-title = Legislación
laws-intro = Las normas que citan nuestros artículos: dónde leerlas, si están en vigor y qué artículos las citan.
laws-feed = Canal Atom de cambios en estas normas
# Variables:
#   $site (string): el nombre del sitio.
laws-feed-title = { $site }: cambios en la legislación
# Variables:
#   $count (number): cuántos artículos citan la norma.
laws-citing-count =
    { $count ->
        [0] aún sin citar
        [one] { $count } artículo la cita
       *[other] { $count } artículos la citan
    }
# Variables:
#   $kind (string): organic-law, law, royal-decree, royal-decree-law, presidential-decree, eu-regulation o eu-directive.
law-kind =
    { $kind ->
        [organic-law] Ley orgánica
        [law] Ley
        [royal-decree] Real decreto
        [royal-decree-law] Real decreto-ley
        [presidential-decree] Decreto presidencial
        [eu-regulation] Reglamento de la UE
       *[eu-directive] Directiva de la UE
    }
# Variables:
#   $jurisdiction (string): es, gr o eu.
jurisdiction =
    { $jurisdiction ->
        [es] España
        [gr] Grecia
       *[eu] Unión Europea
    }
jurisdiction-label = Ámbito
# El adjetivo concuerda con el tipo de norma: la ley (derogada), el real decreto (derogado).
# Variables:
#   $status (string): in-force, repealed, partially-in-force o pending.
#   $kind (string): el tipo de norma, como en law-kind.
law-status =
    { $status ->
        [in-force] En vigor
        [repealed]
            { $kind ->
                [organic-law] Derogada
                [law] Derogada
                [eu-regulation] Derogado
                [eu-directive] Derogada
               *[other] Derogado
            }
        [partially-in-force] Parcialmente en vigor
       *[pending] Pendiente de entrada en vigor
    }
law-status-label = Estado
law-kind-label = Tipo
law-number = Número
law-date = Fecha
law-published = Publicación
law-journal = Diario oficial
law-journal-id = Identificador en el diario oficial
law-eli = ELI (enlace permanente)
law-eli-not-verified = no verificado
law-consolidated = Texto consolidado
law-in-force-from = En vigor desde
law-repealed-by = Norma derogatoria
law-repealed-on = Derogación con efectos desde
law-repeals = Deroga
law-amends = Modifica
law-amended-by = Normas modificadoras
law-citing-title = Artículos que citan esta norma
law-citing-none = Todavía ningún artículo cita esta norma.
law-all = Toda la legislación
law-notice = Esta página describe una norma: sus identificadores, fechas y estado. Solo el texto oficial tiene valor jurídico.
# Variables:
#   $law (string): el título abreviado de la norma.
#   $date (string): la fecha, ya escrita en español.
law-pending-banner = { $law } aún no está en vigor: se aplica desde el { $date }.
# Título de una entrada del canal de cambios en la legislación.
# Variables:
#   $change (string): published, in-force, amended o repealed.
#   $law (string): el título abreviado de la norma.
law-change =
    { $change ->
        [published] Publicación
        [in-force] Entrada en vigor
        [amended] Modificación
       *[repealed] Derogación
    }: { $law }
# Variables:
#   $change (string): published o in-force.
#   $date (string): la fecha, ya escrita en español.
law-change-dated =
    { $change ->
        [published] Fecha de publicación: { $date }.
       *[in-force] En vigor desde el { $date }.
    }
# Variables:
#   $by (string): el título abreviado de la norma que modifica.
#   $date (string): la fecha, ya escrita en español.
law-change-amended = Modificación por { $by }, con efectos desde el { $date }.

## Citas y ayudas de lectura en los artículos

# Cómo se citan artículos de una norma: «art. 31.3», «arts. 123–130».
# Variables:
#   $count (number): 1 para un artículo; más para un intervalo o una lista.
#   $articles (string): los artículos, p. ej. «31.3» o «123–130».
cite-articles =
    { $count ->
        [one] art. { $articles }
       *[other] arts. { $articles }
    }
laws-cited-title = Normas citadas
law-official-text = Texto oficial
# Variables:
#   $law (string): el título abreviado de la norma derogada (un enlace).
#   $by (string): el de la norma que la derogó (un enlace).
#   $date (string): la fecha de efectos de la derogación, ya escrita en español.
#   $kind, $by_kind (string): los tipos de ambas normas, para el género.
repeal-text =
    { $kind ->
        [organic-law] La { $law } fue derogada
        [law] La { $law } fue derogada
        [eu-directive] La { $law } fue derogada
       *[other] El { $law } fue derogado
    } por { $by_kind ->
        [organic-law] la { $by }
        [law] la { $by }
        [eu-directive] la { $by }
       *[other] el { $by }
    } con efectos desde el { $date }.
# Variables:
#   $law (string): el título abreviado de la norma derogada (un enlace).
#   $date (string): la fecha de efectos de la derogación.
#   $kind (string): su tipo.
repeal-text-no-by =
    { $kind ->
        [organic-law] La { $law } fue derogada
        [law] La { $law } fue derogada
        [eu-directive] La { $law } fue derogada
       *[other] El { $law } fue derogado
    } con efectos desde el { $date }.
repeal-title = Este artículo cita una norma derogada
repeal-note-title = Una norma citada aquí ha sido derogada
# Variables:
#   $date (string): la fecha de la última revisión jurídica del artículo.
#   $law (string): el título abreviado de la norma derogada.
repeal-stale = La última revisión jurídica de este artículo ({ $date }) es anterior a la derogación: lo que dice sobre la norma { $law } puede haber dejado de aplicarse.
# Variables:
#   $law (string): el título abreviado de la norma derogada.
repeal-unreviewed = Este artículo no ha tenido revisión jurídica desde la derogación: lo que dice sobre la norma { $law } puede haber dejado de aplicarse.
# Enlace a la página de una norma, con los artículos que la citan.
# Variables:
#   $law (string): el título abreviado de la norma.
repeal-citing = { $law }: artículos que citan esta norma
# Variables:
#   $date (string): la fecha de la revisión, ya escrita en español.
article-reviewed = Revisión jurídica: { $date }
# Variables:
#   $date (string): la fecha de la revisión.
#   $name (string): quién la hizo.
article-reviewed-by = Revisión jurídica: { $date }, por { $name }
# Variables:
#   $minutes (number): tiempo estimado de lectura.
reading-time =
    { $minutes ->
        [one] Tiempo de lectura: { $minutes } minuto
       *[other] Tiempo de lectura: { $minutes } minutos
    }
related-title = Artículos relacionados
services-related-title = Dónde pedir ayuda
cite-this-title = Cómo citar este artículo
# Variables:
#   $has_authors (string): "true" o "false".
#   $authors (string): los autores, separados por comas.
#   $title (string): el título del artículo.
#   $site (string): el nombre del sitio.
#   $date (string): la fecha del artículo (o de su última actualización).
#   $url (string): su dirección.
cite-this-text =
    { $has_authors ->
        [true] { $authors }, «{ $title }», { $site }, { $date }. { $url }
       *[false] «{ $title }», { $site }, { $date }. { $url }
    }
legal-notice = Este artículo es información general, no asesoramiento jurídico. Para su caso concreto, consulte con un abogado o con uno de los servicios de nuestro directorio.
