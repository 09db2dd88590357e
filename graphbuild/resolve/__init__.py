"""Entity and event resolution: within one document, then across documents."""
