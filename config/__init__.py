"""Django project configuration: settings, URL routes, WSGI and ASGI entry points."""
