def configure():
    level: int = 3
    global level
# ERROR 3:5: annotated name 'level' can't be global
