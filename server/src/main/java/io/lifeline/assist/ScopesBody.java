package io.lifeline.assist;

import java.util.List;

/** {@code {scopes}}: a consent's grant, or the narrower scopes a customer keeps. */
record ScopesBody(List<String> scopes) {
}
