// Swagger UI over our OpenAPI document; a separate file so the page's CSP can forbid inline scripts.
window.ui = SwaggerUIBundle({ url: '/openapi.json', dom_id: '#swagger-ui', deepLinking: true });
