"""The tracks: one package per interview type, pure services over content, engine and store."""
