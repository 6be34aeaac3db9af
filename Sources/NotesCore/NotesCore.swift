import NotesGit
import NotesMarkdown
