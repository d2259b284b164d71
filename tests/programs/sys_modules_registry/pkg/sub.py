VALUE = 'sub value'
