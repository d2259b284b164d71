MESSAGES = []
import ring.late
