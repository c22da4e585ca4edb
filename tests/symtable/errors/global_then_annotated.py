def configure():
    global level
    level: int = 3
# ERROR 3:5: annotated name 'level' can't be global
